package io.comanda.devstack.quarkus;

import java.util.Map;

/** The init arguments ({@code @ResourceArg}) of a test resource. */
final class InitArguments {

    private InitArguments() {
    }

    /**
     * @throws IllegalArgumentException naming the resource and the argument when it is missing or blank
     */
    static String required(Map<String, String> initArgs, String name, Class<?> resource) {
        String value = initArgs.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(resource.getSimpleName() + " needs the init argument '" + name + "'");
        }
        return value;
    }
}
