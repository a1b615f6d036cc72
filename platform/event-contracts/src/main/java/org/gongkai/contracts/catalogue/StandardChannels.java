package org.gongkai.contracts.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channel vocabulary of the catalogue's events: the 13 entries of the 公开渠道和载体 checklist of the official table,
 * by the codes that {@link CatalogueVersionPublished} items carry, with their Chinese names. Consumers check channels
 * against this list and show the names.
 */
public final class StandardChannels {

    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("gov-website", "政府网站");
        names.put("gov-gazette", "政府公报");
        names.put("new-media", "两微一端");
        names.put("press-conference", "发布会");
        names.put("radio-tv", "广播电视");
        names.put("print-media", "纸质媒体");
        names.put("reading-point", "公开查阅点");
        names.put("service-centre", "政务服务中心");
        names.put("convenience-station", "便民服务站");
        names.put("door-to-door", "入户/现场");
        names.put("notice-board", "社区/企事业单位、村公示栏（电子屏）");
        names.put("targeted-push", "精准推送");
        names.put("other", "其他");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private StandardChannels() {
    }

    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }
}
