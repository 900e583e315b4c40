declare module 'virtual:rulebooks' {
  import type { InterviewRulebook } from '@/rulebook/schema';
  const rulebooks: InterviewRulebook[];
  export default rulebooks;
}

declare module 'virtual:rulebook-texts' {
  import type { CompiledRulebook } from '@/rulebook/schema';
  const texts: Record<string, Pick<CompiledRulebook, 'measures' | 'source' | 'meta' | 'parameters'>>;
  export default texts;
}
