/*
 * The reconnection token lives in sessionStorage: it survives a reload of the tab (so a reload
 * resumes the seat) but is not shared with other tabs, which are other players.
 */
const KEY = 'tango.reconnectionToken';

export const resumeToken = {
  get(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
