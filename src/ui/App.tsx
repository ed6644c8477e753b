// Page layout: the landscape on the left, controls on the right, status and charts below.
import { useState } from 'react';
import { useApp } from '../state/store';
import type { Layers } from '../viz/landscapeRenderer';
import { Charts } from './Charts';
import { ComposePanel } from './compose/ComposePanel';
import { RecoveryPanel } from './compose/RecoveryPanel';
import { Controls } from './Controls';
import { DensitySection } from './density/DensitySection';
import { DensityViewBar } from './density/DensityViewBar';
import { Explainer } from './Explainer';
import { Landscape } from './Landscape';
import { JemPanel } from './jem/JemPanel';
import { LayerToggles } from './LayerToggles';
import { Legend } from './Legend';
import { Notice } from './Notice';
import { SamplerPanel } from './sampler/SamplerPanel';
import { SlowMotionPanel } from './slowMotion/SlowMotionPanel';
import { useHidden } from './persist/hidden';
import { StatusBar } from './StatusBar';
import { Timeline } from './timeline/Timeline';
import { Toolbar } from './Toolbar';
import { LessonPanel } from './lessons/LessonPanel';
import { StepPanel } from './lessons/StepPanel';
import { openStep } from './lessons/applyStep';
import { useLessonView } from './lessons/lessonView';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { Announcer } from './Announcer';
import { DisplayPrefs } from './DisplayPrefs';
import { Drawer, DrawerToggle } from './Drawer';
import { usePrefsOnPage } from './usePrefsOnPage';
import type { Tool } from './usePointerEditing';

export function App() {
  const [tool, setTool] = useState<Tool>('point');
  // Samples, contours and points are view options saved with the document; the heatmap is not.
  const [heatmap, setHeatmap] = useState(true);
  const show = useApp((a) => a.view.show);
  const setView = useApp((a) => a.setView);
  const layers: Layers = { heatmap, ...show };
  const setLayers = (l: Layers) => {
    setHeatmap(l.heatmap);
    setView({ show: { samples: l.samples, contours: l.contours, points: l.points } });
  };
  const hideView = useHidden('view');
  useKeyboardShortcuts();
  usePrefsOnPage();
  const lessons = useLessonView((v) =>
    v.open ? (v.embed ? 'embed' : v.present ? 'present' : 'open') : 'closed',
  );
  const cls = lessons === 'closed' ? 'app' : `app lessons-${lessons}`;
  return (
    <div className={cls}>
      <header>
        <h1>
          EBM Playground <small>learn an energy landscape, live</small>
        </h1>
        <button
          className="lessons-entry"
          aria-expanded={lessons !== 'closed'}
          onClick={() =>
            lessons === 'closed'
              ? openStep(useLessonView.getState().at)
              : useLessonView.getState().setOpen(false)
          }
        >
          Lessons
        </button>
        <DrawerToggle />
        <StatusBar />
      </header>
      {/* A landmark, so every part of the page is in one (axe: region). */}
      <nav aria-label="Playground tools">
        <Toolbar tool={tool} setTool={setTool} />
      </nav>
      <Notice />
      <main>
        <div className="stage">
          <Landscape tool={tool} layers={layers} />
          <StepPanel name="timeline">
            <Timeline />
          </StepPanel>
          <div className="under-plot">
            <Legend />
            {!hideView && <LayerToggles layers={layers} setLayers={setLayers} />}
          </div>
          <DensityViewBar />
          <SlowMotionPanel />
        </div>
        <Drawer>
          <StepPanel name="sampler">
            <SamplerPanel />
          </StepPanel>
          <StepPanel name="jem">
            <JemPanel />
          </StepPanel>
          <StepPanel name="compose">
            <ComposePanel />
          </StepPanel>
          <StepPanel name="recovery">
            <RecoveryPanel />
          </StepPanel>
          <Controls />
          <StepPanel name="display">
            <DisplayPrefs />
          </StepPanel>
          <StepPanel name="charts">
            <Charts />
          </StepPanel>
        </Drawer>
      </main>
      <DensitySection />
      <Explainer />
      {lessons !== 'closed' && <LessonPanel />}
      <Announcer />
    </div>
  );
}
