import Phaser from 'phaser';

/**
 * A container drawn as an opaque box from its top-left corner (a host, the lane, the
 * explanation, the ladder): whatever is drawn before it and lies under it is hidden. Layout
 * checks look for texts hidden this way (a long goal on a phone once went under the hosts).
 */
export interface Panel {
  /** The box in world px. */
  panelBox(): Phaser.Geom.Rectangle;
  /** How far its texts keep from its edge: its coloured border and a little air, or 0 for a plain box. */
  readonly panelInset: number;
}

/** Whether `object` is drawn as a panel. */
export function isPanel(object: object): object is Panel {
  return typeof (object as Partial<Panel>).panelBox === 'function';
}

/** The world box of a container drawn `width` × `height` from its top-left corner. */
export function topLeftBox(container: Phaser.GameObjects.Container, width: number, height: number): Phaser.Geom.Rectangle {
  const m = container.getWorldTransformMatrix();
  return new Phaser.Geom.Rectangle(m.tx, m.ty, width * m.scaleX, height * m.scaleY);
}
