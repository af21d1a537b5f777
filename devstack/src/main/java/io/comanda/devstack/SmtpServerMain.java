package io.comanda.devstack;

/**
 * Runs the SMTP server (GreenMail) in its own JVM: {@code <smtp port> [<imap port>]}; without an IMAP
 * port, IMAP listens on a free one.
 */
public final class SmtpServerMain {

    private SmtpServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SmtpServer smtp = SmtpServer.start(Integer.parseInt(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::close));
        System.out.println("SMTP server listening on " + smtp.host() + ":" + smtp.port()
                + ", IMAP on " + smtp.host() + ":" + smtp.imapPort());
        Thread.currentThread().join();
    }
}
