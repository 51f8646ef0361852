package org.coproduced.commissioning.experts;

/** How an expert prefers to hear from us. Every channel has an offline route through a coordinator. */
public enum ContactChannel {
  /** Works in Tasklist with their own login. */
  TASKLIST,
  /** Receives emails with links. */
  EMAIL,
  /** Letters by post, delivered and confirmed by a coordinator. */
  POST,
  /** Phone calls from a coordinator. */
  PHONE
}
