declare module 'virtual:rulebooks' {
  import type { Rulebooks } from '@/app/rulebook-source';
  /** The interview parts (one rulebook); with several, their titles and how to load the interview parts. */
  const rulebooks: Rulebooks;
  export default rulebooks;
}

declare module 'virtual:rulebook-interviews' {
  import type { InterviewRulebook } from '@/rulebook/schema';
  const rulebooks: InterviewRulebook[];
  export default rulebooks;
}

declare module 'virtual:rulebook-texts' {
  import type { CompiledRulebook } from '@/rulebook/schema';
  const texts: Record<string, Pick<CompiledRulebook, 'measures' | 'source' | 'meta' | 'parameters' | 'examples'>>;
  export default texts;
}

declare module 'virtual:rulebook-english' {
  /** Per bundled interview part (one rulebook; none with several), its English texts in order (english-split.ts). */
  const english: (string | null)[][];
  export default english;
}
