import type { ReactiveControllerHost } from 'lit';
import type { ComposerController } from '../core/composer-controller.js';
import type { Messages, Params } from '../core/i18n/index.js';
import { EventTypes } from '../core/protocol/envelope.js';
import { TakeBackController, type TakeBackOptions } from '../core/take-back-controller.js';
import takeBackMessages from '../core/take-back.messages.js';
import type { MessageKey } from '../locales/index.js';
import giveBackMessages from './check-in.give-back.messages.js';
import { renderGiveBack } from './give-back.js';
import { PeerMessageController, type PeerMessageOptions } from './peer-message.js';
import { PeerStoriesController, type PeerStoriesOptions } from './peer-stories.js';

/**
 * The give-back step, a part of its own (the check-in loads it when a member first touches the
 * form): most of a check-in's code is what comes after Send, and a page shows the form first.
 */

/** Once per page when this part arrives: its strings join the check-in's. */
export function register(messages: Messages): void {
  Object.assign(messages, giveBackMessages, takeBackMessages);
}

type Field = 'encourage' | 'tip';
type Text = ComposerController<{ text: string }>;

export interface GiveBackOptions {
  peerMessage: PeerMessageOptions;
  peerStories: PeerStoriesOptions;
  takeBack: TakeBackOptions;
  /** The give-back step's two texts (the check-in keeps their drafts from the start). */
  encouragement: Text;
  tip: Text;
  /** The check-in's id: the subject of what is given. */
  subject: () => string;
  focus: (selector: string) => void;
  /** The step ended: something was given, or the member passed. */
  finished: (gave: boolean) => void;
}

/**
 * One job: the give-back step of one check-in — a peer's encouragement, an encouragement or a
 * consented tip to give, stories offered, and "Take it back" for what was given.
 */
export class GiveBack {
  readonly peerMessage: PeerMessageController;
  readonly peerStories: PeerStoriesController;
  readonly takeBack: TakeBackController;
  /** The message under one of its fields. */
  #error?: { field: Field; key: MessageKey };
  #tipConsent = false;
  /** After crisis help, the fields open only when the member asks. */
  #open = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: GiveBackOptions,
  ) {
    this.peerMessage = new PeerMessageController(host, options.peerMessage);
    this.peerStories = new PeerStoriesController(host, options.peerStories);
    this.takeBack = new TakeBackController(host, options.takeBack);
  }

  /** A new check-in: nothing given, nothing offered. */
  reset(): void {
    this.#error = undefined;
    this.#tipConsent = false;
    this.#open = false;
    this.takeBack.track(undefined);
    this.peerStories.clear();
  }

  /** Sends the encouragement or the tip (the tip only with consent). */
  #give(field: Field): void {
    const composer = field === 'tip' ? this.options.tip : this.options.encouragement;
    const text = composer.value.text.trim();
    this.#error = !text
      ? { field, key: 'check-in.give-empty' }
      : field === 'tip' && !this.#tipConsent
        ? { field, key: 'check-in.tip-needs-consent' }
        : undefined;
    this.host.requestUpdate();
    if (this.#error)
      return this.options.focus(this.#error.key === 'check-in.give-empty' ? `#${field}` : '#tip-consent');
    if (composer.nudged(() => this.#give(field))) return;
    const type = field === 'tip' ? EventTypes.checkinTipShared : EventTypes.checkinEncouragement;
    this.takeBack.track(composer.send(type, { text }, this.options.subject())?.id);
    this.options.finished(true);
  }

  /** "Skip for now": what was started is let go. */
  #skip(): void {
    this.options.encouragement.clear();
    this.options.tip.clear();
    this.options.finished(false);
  }

  /** `gentle`: crisis help was just shown, so giving back waits until the member asks. */
  render(p: {
    t: (key: MessageKey, params?: Params) => string;
    locale: string;
    level: number;
    done: boolean;
    gentle: boolean;
    again: () => void;
  }) {
    const { t } = p;
    const changed = () => ((this.#error = undefined), this.host.requestUpdate());
    return renderGiveBack({
      t,
      done: p.done,
      gentle: p.gentle,
      open: this.#open,
      openGive: () => ((this.#open = true), this.host.requestUpdate(), this.options.focus('#encourage')),
      peerMessage: this.peerMessage.text,
      encouragement: this.options.encouragement,
      tip: this.options.tip,
      tipConsent: this.#tipConsent,
      error: this.#error && { field: this.#error.field, text: t(this.#error.key) },
      input: (field, text) => (
        (field === 'tip' ? this.options.tip : this.options.encouragement).set({ text }),
        changed()
      ),
      consent: (on) => ((this.#tipConsent = on), changed()),
      give: (field) => this.#give(field),
      skip: () => this.#skip(),
      again: p.again,
      takeBack: this.takeBack.render(t),
      stories: this.peerStories.render(t, p.locale, p.level, p.gentle),
    });
  }
}
