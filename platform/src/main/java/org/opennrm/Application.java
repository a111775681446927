package org.opennrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** OpenNRM: the platform of a National Referral Mechanism against trafficking in human beings. */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        if (Backups.isCommand(args)) {
            // backup and restore work on the data folder without starting the platform
            System.exit(Backups.run(args, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
