declare module 'virtual:rulebooks' {
  import type { CompiledRulebook } from '@/rulebook/schema';
  const rulebooks: CompiledRulebook[];
  export default rulebooks;
}

declare module 'virtual:rulebook-index' {
  import type { RulebookSummary } from '@/rulebook/schema';
  const index: RulebookSummary[];
  export default index;
}
