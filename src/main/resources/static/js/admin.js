// The administrator's pages: opening and closing an indicator tree at once, and drawing a cycle's processes.
document.addEventListener('DOMContentLoaded', () => {
  const tools = document.querySelector('.tree-tools');
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', event => {
      const button = event.target.closest('[data-tree]');
      if (button) {
        document.querySelectorAll('#tree details').forEach(details => { details.open = button.dataset.tree === 'open'; });
      }
    });
  }

  // The whole diagram with a margin, so that the counts above the elements on its edges stay inside the frame.
  const fit = viewer => {
    const canvas = viewer.get('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
    const box = canvas.viewbox();
    const margin = Math.max(box.width, box.height) * 0.015 + 12;
    canvas.viewbox({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin });
  };

  // Each diagram is drawn on its own; one that fails says so, and the list below it still tells where units stand.
  document.querySelectorAll('[data-bpmn]').forEach(async container => {
    try {
      const response = await fetch(container.dataset.bpmn, { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(`lỗi ${response.status}`);
      }
      const viewer = await window.DtiProcess.render(container, await response.text(),
        JSON.parse(container.dataset.counts || '{}'));
      // Drawn again to fit whenever the frame changes size (a phone turned sideways).
      new ResizeObserver(() => fit(viewer)).observe(container);
      container.dataset.rendered = 'true';
    } catch (error) {
      container.classList.add('failed');
      container.textContent = `Không vẽ được sơ đồ (${error.message}); danh sách bên dưới vẫn đầy đủ.`;
    }
  });
});
