package com.example.service.restrecovery;

/** How the service recovers a lost link; the one implementation is a REST controller that Spring creates. */
public interface RecoveryStrategy {
    void recover();
}
