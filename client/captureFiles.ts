/**
 * A capture file the player opens (a button's file picker) or drops on the page. It is read in
 * the browser and parsed by shared/capture; nothing is sent to the server.
 */
import Phaser from 'phaser';
import { MAX_CAPTURE_BYTES, openCapture, type CaptureConnection } from '../shared/capture/captureConnections.ts';
import type { CaptureErrorCode } from '../shared/capture/pcapng.ts';

/** A file that held TCP connections: its name and its connections, first seen first. */
export interface OpenedCaptureFile {
  readonly name: string;
  readonly connections: readonly CaptureConnection[];
}

export type CaptureFileResult = { readonly ok: true; readonly file: OpenedCaptureFile } | { readonly ok: false; readonly code: CaptureErrorCode };

/** The file's TCP connections, or why there are none to show; a file over the cap is not even read. */
export async function readCaptureFile(file: File): Promise<CaptureFileResult> {
  if (file.size > MAX_CAPTURE_BYTES) return { ok: false, code: 'tooBig' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // A file removed or unreadable since it was chosen.
    return { ok: false, code: 'notACapture' };
  }
  const opened = openCapture(bytes);
  return opened.ok ? { ok: true, file: { name: file.name, connections: opened.connections } } : opened;
}

/** The id of the hidden file input, for browser tests that choose a file through it. */
export const CAPTURE_INPUT_ID = 'capture-file';

/**
 * While `scene` runs: a hidden file input that `choose()` opens, and files dropped anywhere on the
 * page. Each file is read and its result handed to `onResult`. Both go when the scene shuts down.
 */
export class CaptureFileInput {
  private readonly input: HTMLInputElement;

  constructor(scene: Phaser.Scene, onResult: (result: CaptureFileResult) => void) {
    const take = (file: File | undefined): void => {
      if (file) void readCaptureFile(file).then((result) => scene.sys.isActive() && onResult(result));
    };
    this.input = document.createElement('input');
    this.input.type = 'file';
    this.input.id = CAPTURE_INPUT_ID;
    this.input.accept = '.pcap,.pcapng,.cap,.dmp,application/vnd.tcpdump.pcap';
    this.input.hidden = true;
    this.input.addEventListener('change', () => {
      take(this.input.files?.[0]);
      // The same file chosen again must fire `change` again.
      this.input.value = '';
    });
    document.body.append(this.input);
    // A drop must be allowed while dragging over the page, or the browser opens the file itself.
    const over = (event: DragEvent): void => event.preventDefault();
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      take(event.dataTransfer?.files[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      this.input.remove();
    });
  }

  /** Opens the browser's file picker. */
  choose(): void {
    this.input.click();
  }
}
