package com.example.codeshapes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

public final class Util {
    private Util() {}

    public static final String CS = "HostName=hub.azure-devices.net;DeviceId=dev1;SharedAccessKey=a2V5a2V5a2V5";

    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spring-style scheduling annotation, defined locally (plain Java). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Scheduled {
        long fixedDelay() default 0;
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface PostConstruct {}
}
