declare module 'virtual:rulebooks' {
  import type { CompiledRulebook } from '@/rulebook/schema';
  const rulebooks: CompiledRulebook[];
  export default rulebooks;
}
