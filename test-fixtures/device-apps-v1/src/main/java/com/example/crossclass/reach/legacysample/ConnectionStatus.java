package com.example.crossclass.reach.legacysample;

/** The manager's own view of the link (not the SDK's enum). */
enum ConnectionStatus {
    DISCONNECTED,
    CONNECTING,
    CONNECTED
}
