/**
 * The first load: styles, the prerendered first screens made usable (src/boot.ts), then the app itself, which
 * takes the page over when it has loaded (src/app-root.tsx), and then the offline worker.
 */
import './app/styles.css';
import { showBootFailure, startBoot } from './boot';
import { registerServiceWorker } from './offline/register';

startBoot();

const container = document.getElementById('root');
// The offline worker registers once the app has loaded: on a first visit, its copy of every file (src/offline)
// is fetched after the files the page needs, not alongside them.
const loadApp = () => {
  if (container)
    import('./app-root').then(
      ({ mountApp }) => {
        mountApp(container);
        registerServiceWorker();
      },
      () => showBootFailure(container),
    );
};
// The app's code is fetched and run after the first screen has been painted, so the page shows, and answers
// "start", before the network and the main thread are busy with it: as a background task where the browser has
// task priorities, so that a frame, a click or a key pressed meanwhile goes first. A hidden tab paints nothing:
// it loads at once.
type Scheduler = { postTask(task: () => void, options: { priority: 'background' }): Promise<void> };
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
const inBackground = (task: () => void) => (scheduler ? void scheduler.postTask(task, { priority: 'background' }) : setTimeout(task, 0));
if (document.visibilityState === 'hidden') loadApp();
else requestAnimationFrame(() => inBackground(loadApp));
