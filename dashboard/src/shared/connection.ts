import { shallowRef } from 'vue';
import { wsClient } from '../apollo';

export type ConnectionState = 'idle' | 'live' | 'reconnecting' | 'offline';

/** The live connection as the badge shows it: live, reconnecting, or offline (the browser is offline). */
export const connection = shallowRef<ConnectionState>(navigator.onLine ? 'idle' : 'offline');

wsClient.on('connected', () => (connection.value = 'live'));
wsClient.on('closed', (event) => {
  // The lazy client closes normally (1000) when its last subscription ends: idle, not a lost connection.
  if ((event as { code?: number } | undefined)?.code === 1000) connection.value = 'idle';
  else if (connection.value !== 'idle') connection.value = navigator.onLine ? 'reconnecting' : 'offline';
});
wsClient.on('connecting', () => {
  if (connection.value === 'live') connection.value = 'reconnecting';
});
window.addEventListener('offline', () => (connection.value = 'offline'));
window.addEventListener('online', () => {
  if (connection.value === 'offline') connection.value = 'reconnecting';
});
