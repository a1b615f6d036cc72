package org.gongkai.catalogue.version;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The 13 entries of the 公开渠道和载体 checklist, in the order of the official table. */
public enum Channel {
    GOV_WEBSITE("gov-website", "政府网站"),
    GOV_GAZETTE("gov-gazette", "政府公报"),
    NEW_MEDIA("new-media", "两微一端"),
    PRESS_CONFERENCE("press-conference", "发布会"),
    RADIO_TV("radio-tv", "广播电视"),
    PRINT_MEDIA("print-media", "纸质媒体"),
    READING_POINT("reading-point", "公开查阅点"),
    SERVICE_CENTRE("service-centre", "政务服务中心"),
    CONVENIENCE_STATION("convenience-station", "便民服务站"),
    DOOR_TO_DOOR("door-to-door", "入户/现场"),
    NOTICE_BOARD("notice-board", "社区/企事业单位、村公示栏（电子屏）"),
    TARGETED_PUSH("targeted-push", "精准推送"),
    OTHER("other", "其他");

    /** Later checklists' names for the same channels, and spelling variants seen in county copies. */
    private static final Map<String, Channel> ALIASES = Map.of(
            "政务新媒体", NEW_MEDIA,
            "提供政务服务的场所", SERVICE_CENTRE,
            "发布会/听证会", PRESS_CONFERENCE,
            "图书馆", READING_POINT,
            "国家档案馆", READING_POINT,
            "社区/企事业单位/村公示栏（电子屏）", NOTICE_BOARD,
            "社区/企事业单位/村公示栏(电子屏)", NOTICE_BOARD);

    private final String code;
    private final String label;

    Channel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Channel> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static Optional<Channel> byLabel(String label) {
        String l = label.strip();
        return Arrays.stream(values()).filter(c -> c.label.equals(l)).findFirst()
                .or(() -> Optional.ofNullable(ALIASES.get(l)));
    }
}
