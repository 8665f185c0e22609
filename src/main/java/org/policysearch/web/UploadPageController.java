package org.policysearch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.PolicyDocument;
import org.policysearch.ingest.IngestOutcome;
import org.policysearch.ingest.IngestService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload page. With JavaScript the page uploads through {@code POST /api/documents} itself; without it the form
 * posts here. The API key in the form is the credential, and the form is accepted only from this site's own pages
 * (Origin, else Referer), so another site cannot make a visitor's browser submit it.
 */
@Controller
class UploadPageController {

    private final IngestService ingest;
    private final DocumentStore store;
    private final ApiKey apiKey;

    UploadPageController(IngestService ingest, DocumentStore store, ApiKey apiKey) {
        this.ingest = ingest;
        this.store = store;
        this.apiKey = apiKey;
    }

    /** What became of one file: {@code state} is ok, duplicate, exists or refused (a CSS class). */
    record Outcome(String fileName, String state, String message, String url) {}

    @GetMapping("/upload")
    String form() {
        return "upload";
    }

    @PostMapping("/upload")
    String upload(
            @RequestParam(name = "key", required = false) String key,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (!sameOrigin(request)) {
            response.setStatus(403);
            model.addAttribute("error", "请从本站的上传页面提交。");
            return "upload";
        }
        if (!apiKey.matches(key)) {
            response.setStatus(401);
            model.addAttribute("error", "API 密钥不正确。");
            return "upload";
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            boolean unnamed = file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank();
            if (unnamed && file.isEmpty()) {
                continue;
            }
            outcomes.add(outcome(file));
        }
        if (outcomes.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("error", "请选择要上传的文件。");
        }
        model.addAttribute("outcomes", outcomes);
        return "upload";
    }

    private Outcome outcome(MultipartFile file) throws IOException {
        String name = file.getOriginalFilename();
        if (file.isEmpty()) {
            return new Outcome(
                    name, "refused", "拒收：" + UploadMessages.refusal(ErrorCode.NO_TEXT.code(), "文件是空的"), null);
        }
        try {
            IngestOutcome o = ingest.ingest(file.getBytes(), name, null);
            PolicyDocument d = o.document();
            String url = "/documents/" + d.id();
            if (!o.created()) {
                return new Outcome(name, "exists", "已存在", url);
            }
            if (d.duplicateOf() != null) {
                String title =
                        store.get(d.duplicateOf()).map(PolicyDocument::title).orElse(d.duplicateOf());
                return new Outcome(name, "duplicate", "与「" + title + "」重复", "/documents/" + d.duplicateOf());
            }
            return new Outcome(name, "ok", "已入库", url);
        } catch (ApiException refused) {
            return new Outcome(
                    name,
                    "refused",
                    "拒收：" + UploadMessages.refusal(refused.code().code(), refused.getMessage()),
                    null);
        }
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String self = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            return self.equals(normalize(origin));
        }
        String referer = request.getHeader("Referer");
        return referer != null && self.equals(normalize(referer));
    }

    /** scheme://host:port of a URL, with the default port written out. */
    private static String normalize(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return "";
            }
            int port = u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return u.getScheme().toLowerCase() + "://" + u.getHost().toLowerCase() + ":" + port;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
