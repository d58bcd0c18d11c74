// The official form-js viewer, as Tasklist renders the same forms/*.form schemas.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { VietnameseModule } from './form-viewer-vi.js';

window.DtiForms = {
  /** Renders a schema with its data into a container; resolves to the form-js Form. */
  async render(container, schema, data) {
    const form = new Form({ container, additionalModules: [VietnameseModule] });
    await form.importSchema(schema, data);
    return form;
  }
};
