// bpmn-js's viewer: draws a cycle's BPMN diagram, with counts of units on the elements where they stand.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

window.DtiProcess = {
  /** Draws the diagram's XML into a container and marks each element id of `counts` with its number of units. */
  async render(container, xml, counts) {
    const viewer = new NavigatedViewer({ container });
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    const overlays = viewer.get('overlays');
    for (const [elementId, count] of Object.entries(counts ?? {})) {
      overlays.add(elementId, { position: { top: -12, right: 12 }, html: `<span class="dti-count">${count}</span>` });
    }
    return viewer;
  }
};
