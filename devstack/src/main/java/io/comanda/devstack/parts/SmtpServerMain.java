package io.comanda.devstack.parts;

/** Runs the SMTP server (GreenMail) in its own JVM, see {@link SmtpProcess}: {@code <smtp port> <imap port>}. */
public final class SmtpServerMain {

    private SmtpServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SmtpServer smtp = SmtpServer.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::close));
        System.out.println("SMTP server listening on " + smtp.host() + ":" + smtp.port()
                + ", IMAP on " + smtp.host() + ":" + smtp.imapPort());
        Thread.currentThread().join();
    }
}
