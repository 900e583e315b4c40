import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import index from 'virtual:rulebook-index';
import { BootScreen } from './boot';
import './app/styles.css';
import { registerServiceWorker } from './offline/register';

// The interview, its rules and libraries load right away, but after the first screen is drawn.
const AppWithRulebooks = lazy(async () => {
  const [{ App }, { default: rulebooks }] = await Promise.all([import('./app/app'), import('virtual:rulebooks')]);
  return { default: () => <App rulebooks={rulebooks} /> };
});

registerServiceWorker();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={<BootScreen index={index} />}>
        <AppWithRulebooks />
      </Suspense>
    </StrictMode>,
  );
