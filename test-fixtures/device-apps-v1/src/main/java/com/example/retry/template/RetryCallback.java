package com.example.retry.template;

/** One attempt of {@link RetryTemplate}: a hand-rolled retry utility, as Edge samples carry their own. */
public interface RetryCallback<T>
{
    T doWithRetry(Object context, int attempt) throws Exception;
}
