package org.opennrm.ui;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page, the sign-in page and the platform's icon. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "ui/home";
    }

    @GetMapping("/login")
    String login() {
        return "ui/login";
    }

    /**
     * Browsers ask every site for {@code /favicon.ico}, whatever the page names (an error page, an API answer
     * opened in a tab): without an answer each page view logged a "no mapping" warning and showed a 404 in the
     * browser's console. The platform's icon, the same as the offline screening app's, cached for a week.
     */
    @GetMapping("/favicon.ico")
    ResponseEntity<Resource> icon() {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .body(new ClassPathResource("static/img/screening-192.png"));
    }
}
