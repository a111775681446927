package org.opennrm.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page and the sign-in page. */
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
}
