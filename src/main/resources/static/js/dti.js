// What every page's scripts share: calling the platform's API with the session's CSRF token, and reading its errors.
window.Dti = {
  csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  },

  /** Calls the API; resolves to the parsed JSON, or rejects with the problem's Vietnamese message (and its status). */
  async api(method, url, body) {
    const headers = { Accept: 'application/json', ...Dti.csrfHeaders() };
    const init = { method, headers, credentials: 'same-origin' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const reasons = (json?.errors ?? []).map(e => e.reason).join('; ');
      const error = new Error([json?.detail ?? `Lỗi ${response.status}`, reasons].filter(Boolean).join(': '));
      error.status = response.status;
      error.problem = json;
      throw error;
    }
    return json;
  }
};
