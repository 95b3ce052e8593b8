/** Thrown for an answer other than 2xx; `status` is the HTTP status. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The collector's read API with the operator's token. Every request carries
 * the token in the Authorization header; nothing else identifies the tab.
 *
 * @example
 * const api = createApi('/receipts', token);
 * const page = await api.list({ subjectId, order: 'desc', limit: 20 });
 */
export function createApi(base, token) {
  async function call(path, init = {}) {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) {
      let reason = `HTTP ${response.status}`;
      try {
        reason = (await response.json()).error ?? reason;
      } catch {}
      throw new ApiError(response.status, reason);
    }
    return response;
  }
  const query = (params) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  return {
    list: async (params) => (await call(query(params))).json(),
    receipt: async (receiptId) => (await call(`/${encodeURIComponent(receiptId)}`)).json(),
    documents: async (receiptId) => (await call(`/${encodeURIComponent(receiptId)}/documents`)).json(),
    chain: async () => (await call('/chain')).json(),
    verify: async () => (await call('/chain/verify', { method: 'POST' })).json(),
    exportFile: async (params) => {
      const response = await call(`/export${query(params)}`);
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'receipts';
      return { name, blob: await response.blob() };
    },
  };
}
