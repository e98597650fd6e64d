package io.gatecast.controller.media;

/**
 * What the bytes of an upload turned out to be: the type found by its magic numbers, and what
 * could be measured (null where the format does not say or it is not worth parsing).
 *
 * @param mimeType the type the file is stored and served as, never the one the uploader declared
 * @param width pixels, for images
 * @param height pixels, for images
 * @param durationMillis for video, from the container's header
 */
public record MediaInfo(String mimeType, Integer width, Integer height, Long durationMillis) {
  public static MediaInfo image(String mimeType, int width, int height) {
    return new MediaInfo(mimeType, width, height, null);
  }

  public static MediaInfo video(String mimeType, Long durationMillis) {
    return new MediaInfo(mimeType, null, null, durationMillis);
  }

  public boolean isVideo() {
    return mimeType.startsWith("video/");
  }
}
