// Page layout: the landscape on the left, controls on the right, status and charts below.
import { useState } from 'react';
import type { Layers } from '../viz/landscapeRenderer';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { Explainer } from './Explainer';
import { Landscape } from './Landscape';
import { LayerToggles } from './LayerToggles';
import { Legend } from './Legend';
import { Notice } from './Notice';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import type { Tool } from './usePointerEditing';

export function App() {
  const [tool, setTool] = useState<Tool>('point');
  const [layers, setLayers] = useState<Layers>({
    heatmap: true,
    contours: true,
    samples: true,
    points: true,
  });
  useKeyboardShortcuts();
  return (
    <div className="app">
      <header>
        <h1>
          EBM Playground <small>learn an energy landscape, live</small>
        </h1>
        <StatusBar />
      </header>
      <Toolbar tool={tool} setTool={setTool} />
      <Notice />
      <main>
        <div className="stage">
          <Landscape tool={tool} layers={layers} />
          <div className="under-plot">
            <Legend />
            <LayerToggles layers={layers} setLayers={setLayers} />
          </div>
        </div>
        <aside>
          <Controls />
          <Charts />
        </aside>
      </main>
      <Explainer />
    </div>
  );
}
