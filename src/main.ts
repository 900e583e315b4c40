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
if (container)
  import('./app-root').then(
    ({ mountApp }) => mountApp(container),
    () => showBootFailure(container),
  );
