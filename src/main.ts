/**
 * The first load: styles, the prerendered first screens made usable (src/boot.ts), the offline worker, and
 * then the app itself, which takes the page over when it has loaded (src/app-root.tsx).
 */
import './app/styles.css';
import { showBootFailure, startBoot } from './boot';
import { registerServiceWorker } from './offline/register';

startBoot();
registerServiceWorker();

const container = document.getElementById('root');
const loadApp = () => {
  if (container)
    import('./app-root').then(
      ({ mountApp }) => mountApp(container),
      () => showBootFailure(container),
    );
};
// The app's code is fetched and run after the first screen has been painted, so the page shows, and answers
// "start", before the network and the main thread are busy with it. A hidden tab paints nothing: it loads at once.
if (document.visibilityState === 'hidden') loadApp();
else requestAnimationFrame(() => setTimeout(loadApp, 0));
