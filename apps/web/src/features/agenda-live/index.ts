/** The live agenda's pieces other features mount: the organiser dashboard and the facilitator panel. */
export { AgendaControls } from './AgendaControls';
export { RoomRoundControl } from './RoomRoundControl';
