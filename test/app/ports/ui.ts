/** An in-memory Ui port for app tests: records what the person would see, in order; nothing is drawn. */
import type { PageName, Ui } from '../../../src/ports';

export type Shown =
  | { kind: 'toast'; message: string }
  | { kind: 'alert'; title: string; message: string }
  | { kind: 'sidebar' | 'dialog'; page: PageName; title: string; data: unknown };

export class FakeUi implements Ui {
  readonly shown: Shown[] = [];

  toast(message: string): void {
    this.shown.push({ kind: 'toast', message });
  }

  alert(title: string, message: string): void {
    this.shown.push({ kind: 'alert', title, message });
  }

  showSidebar(page: PageName, title: string, data: unknown): void {
    this.shown.push({ kind: 'sidebar', page, title, data: structuredClone(data) });
  }

  showDialog(page: PageName, title: string, data: unknown): void {
    this.shown.push({ kind: 'dialog', page, title, data: structuredClone(data) });
  }
}
