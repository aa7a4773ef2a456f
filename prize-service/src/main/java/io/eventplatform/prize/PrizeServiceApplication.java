package io.eventplatform.prize;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PrizeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrizeServiceApplication.class, args);
    }
}
