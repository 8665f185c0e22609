package org.policysearch.web;

import java.util.Map;

/** Why a file was refused, in Chinese, from the problem code; the service's own detail follows in brackets. */
final class UploadMessages {

    private static final Map<String, String> REASONS = Map.of(
            "unsupported_media_type", "不支持的文件类型",
            "payload_too_large", "文件太大",
            "no_text", "没有可提取的文字",
            "encrypted", "文件已加密",
            "corrupt", "文件已损坏",
            "parse_timeout", "解析超时",
            "missing_file", "没有文件");

    private UploadMessages() {}

    static String refusal(String code, String detail) {
        String reason = REASONS.get(code);
        if (reason == null) {
            return detail;
        }
        return detail == null || detail.isBlank() ? reason : reason + "（" + detail + "）";
    }
}
