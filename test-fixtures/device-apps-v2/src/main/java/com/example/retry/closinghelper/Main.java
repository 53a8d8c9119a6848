package com.example.retry.closinghelper;

public class Main {
    public static void main(String[] args) throws Exception {
        new Uplink(System.getenv("UPLINK_CS")).start();
    }
}
