import { StrictMode } from 'react';
import { config as zodConfig } from 'zod/mini';
import { createRoot } from 'react-dom/client';
import rulebooks from 'virtual:rulebooks';
import { App } from './app/app';
import './app/styles.css';
import { registerServiceWorker } from './offline/register';

// No eval: zod would otherwise probe `new Function`, which the Content-Security-Policy forbids.
zodConfig({ jitless: true });
registerServiceWorker();

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App rulebooks={rulebooks} /></StrictMode>);
