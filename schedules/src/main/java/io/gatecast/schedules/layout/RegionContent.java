package io.gatecast.schedules.layout;

/** What fills a region: the screen's programme (MAIN only), a playlist of its own, or widgets. */
public enum RegionContent {
  PROGRAMME,
  PLAYLIST,
  WIDGETS
}
