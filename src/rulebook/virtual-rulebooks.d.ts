declare module 'virtual:rulebooks' {
  const rulebooks: import('./schema').CompiledRulebook[];
  export default rulebooks;
}
