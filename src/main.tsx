import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import rulebooks from 'virtual:rulebooks';
import { App } from './app/app';
import './app/styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App rulebooks={rulebooks} /></StrictMode>);
