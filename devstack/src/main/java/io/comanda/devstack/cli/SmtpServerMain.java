package io.comanda.devstack.cli;

import io.comanda.devstack.parts.SmtpServer;

/** Runs the SMTP server (GreenMail) in its own JVM for the local stack: {@code <port>}. */
public final class SmtpServerMain {

    private SmtpServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SmtpServer smtp = SmtpServer.start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::close));
        System.out.println("SMTP server listening on " + smtp.host() + ":" + smtp.port());
        Thread.currentThread().join();
    }
}
