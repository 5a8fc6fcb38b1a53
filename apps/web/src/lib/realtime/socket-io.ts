import { PROTOCOL_VERSION } from '@kohtaamo/protocol';
import { io } from 'socket.io-client';
import type { OpenSocket } from './socket';

/**
 * The Socket.IO adapter. Same origin (Vite proxies `/socket.io` in development); WebSocket only,
 * because with several server nodes long polling would need sticky sessions; the session cookie
 * authenticates the handshake.
 */
export const openSocketIo: OpenSocket = (fairId, listeners) => {
  const socket = io({
    path: '/socket.io',
    transports: ['websocket'],
    auth: { fairId, protocol: PROTOCOL_VERSION },
    withCredentials: true,
    autoConnect: false,
  });
  socket.on('connect', () => listeners.connected());
  // `active` tells whether Socket.IO will try again by itself: false after the server closed
  // the connection or refused it in its middleware, true after a network failure.
  socket.on('disconnect', (reason) => listeners.disconnected(reason, socket.active));
  socket.on('connect_error', (error: Error & { data?: unknown }) =>
    listeners.connectFailed(error.data, socket.active),
  );
  socket.onAny((name: string, payload: unknown) => listeners.serverEvent(name, payload));
  return {
    get connected() {
      return socket.connected;
    },
    connect: () => void socket.connect(),
    close: () => {
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    },
    emitWithAck: (event, payload, timeoutMs) =>
      socket.timeout(timeoutMs).emitWithAck(event, payload),
  };
};
