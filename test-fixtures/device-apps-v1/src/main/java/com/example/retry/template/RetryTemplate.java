package com.example.retry.template;

/** Runs an attempt until it succeeds: execute() forwards the attempt to doExecute(), which loops. */
public class RetryTemplate
{
    private final int attempts;

    public RetryTemplate(int attempts)
    {
        this.attempts = attempts;
    }

    public final <T> T execute(RetryCallback<T> callback, Object context) throws Exception
    {
        return doExecute(callback, context);
    }

    protected <T> T doExecute(RetryCallback<T> callback, Object context) throws Exception
    {
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                return callback.doWithRetry(context, attempt);
            }
            catch (Exception e)
            {
                last = e;
                Thread.sleep(1000L * attempt);
            }
        }
        throw last;
    }
}
