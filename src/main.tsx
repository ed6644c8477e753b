import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { engine } from './state/engine';
import { App } from './ui/App';
import { runPageBench } from './ui/benchPage';
import { readBackendParam } from './ui/urlParams';
import './ui/app.css';

// The engine starts before React renders: the page is learning within about a second.
engine.start(readBackendParam(window.location.search));
if (new URLSearchParams(window.location.search).has('bench')) runPageBench();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
