package com.example.crossclass.reach.receiverclose;

import java.io.IOException;

/** Connects the link, retrying until it is up: link.reset() closes link's client before each attempt. */
public class Supervisor
{
    public static void main(String[] args) throws Exception
    {
        Link link = new Link(args[0]);
        while (true)
        {
            try
            {
                link.reset();
                link.connect();
                return;
            }
            catch (IOException e)
            {
                Thread.sleep(1000);
            }
        }
    }
}
