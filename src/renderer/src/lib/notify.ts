// How the console announces an alert beyond its list: a desktop notification
// (the web Notification API, which Electron's renderer supports too) and an
// optional short tone synthesized with WebAudio (no sound file to ship). A
// storm can fire several columns at once: announcements share a cooldown so
// the operator gets one ping, not a burst; every alert is still in the list.
import { alertTitle, type Alert, type NotifyPrefs } from '../../../shared/contracts/alerts'

export const ANNOUNCE_COOLDOWN_MS = 30_000

let lastAnnounced = -Infinity
let audio: AudioContext | null = null

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported'
}

/** Asks once, from a click (browsers ignore the request otherwise). */
export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!notificationsSupported()) return 'unsupported'
  if (Notification.permission !== 'default') return Notification.permission
  return Notification.requestPermission()
}

export { alertTitle }

export function announceAlert(alert: Alert, prefs: NotifyPrefs, now = Date.now()): boolean {
  if (!prefs.desktop && !prefs.sound) return false
  if (now - lastAnnounced < ANNOUNCE_COOLDOWN_MS) return false
  lastAnnounced = now
  if (prefs.desktop && notificationPermission() === 'granted') {
    try {
      new Notification(alertTitle(alert), { body: alert.summary, tag: `earshot-alert-${alert.columnId}` })
    } catch {
      // Some platforms only allow notifications from a service worker; the list still has it.
    }
  }
  if (prefs.sound) playTone()
  return true
}

/** Two short rising sine tones, quiet enough for a control room. */
export function playTone(): void {
  const Ctx = typeof window !== 'undefined' ? window.AudioContext : undefined
  if (!Ctx) return
  audio ??= new Ctx()
  const ctx = audio
  void ctx.resume().catch(() => undefined)
  const start = ctx.currentTime + 0.02
  for (const [i, freq] of [660, 880].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    const t = start + i * 0.16
    osc.type = 'sine'
    osc.frequency.value = freq
    gain.gain.setValueAtTime(0, t)
    gain.gain.linearRampToValueAtTime(0.18, t + 0.015)
    gain.gain.exponentialRampToValueAtTime(0.001, t + 0.14)
    osc.connect(gain).connect(ctx.destination)
    osc.start(t)
    osc.stop(t + 0.15)
  }
}
