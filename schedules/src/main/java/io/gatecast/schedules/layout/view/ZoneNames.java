package io.gatecast.schedules.layout.view;

import java.util.Locale;
import java.util.Map;

/**
 * What a clock shows for a time zone when its layout gives no approved label: the country the zone keeps
 * time for, in the slide's language, for the zones of the gates' region and of the partners' delegations.
 * A traveller at the China border reads "Trung Quốc / 中国 10:55", not the tz database's city ("Shanghai",
 * or "Ho Chi Minh" on a screen 1,500 km north of it); the JDK names none of them usefully ("Indochina
 * Time" in every language). A zone not listed shows its city; a language not listed, the English name.
 * The Lao, Khmer, Korean and French names await a native speaker's review.
 */
final class ZoneNames {
  private static final Map<String, Map<String, String>> NAMES = Map.of(
      "Asia/Ho_Chi_Minh", names("Việt Nam", "Vietnam", "越南", "ຫວຽດນາມ", "វៀតណាម", "베트남", "Viêt Nam"),
      "Asia/Shanghai", names("Trung Quốc", "China", "中国", "ຈີນ", "ចិន", "중국", "Chine"),
      "Asia/Vientiane", names("Lào", "Laos", "老挝", "ລາວ", "ឡាវ", "라오스", "Laos"),
      "Asia/Phnom_Penh", names("Campuchia", "Cambodia", "柬埔寨", "ກຳປູເຈຍ", "កម្ពុជា", "캄보디아", "Cambodge"),
      "Asia/Bangkok", names("Thái Lan", "Thailand", "泰国", "ໄທ", "ថៃ", "태국", "Thaïlande"),
      "Asia/Seoul", names("Hàn Quốc", "South Korea", "韩国", "ເກົາຫຼີໃຕ້", "កូរ៉េខាងត្បូង", "한국", "Corée du Sud"),
      "Europe/Paris", names("Pháp", "France", "法国", "ຝຣັ່ງ", "បារាំង", "프랑스", "France"));

  private ZoneNames() {}

  private static Map<String, String> names(String vi, String en, String zhHans, String lo, String km, String ko, String fr) {
    return Map.of("vi", vi, "en", en, "zh-hans", zhHans, "zh", zhHans, "lo", lo, "km", km, "ko", ko, "fr", fr);
  }

  /** The name of {@code zone} in {@code language} (a BCP 47 tag, e.g. "zh-Hans"; null: English). */
  static String of(String zone, String language) {
    Map<String, String> names = NAMES.get(zone);
    if (names == null) {
      return zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }
    if (language == null) {
      return names.get("en");
    }
    String tag = language.toLowerCase(Locale.ROOT);
    String name = names.get(tag);
    if (name == null && tag.contains("-")) {
      name = names.get(tag.substring(0, tag.indexOf('-')));
    }
    return name == null ? names.get("en") : name;
  }
}
