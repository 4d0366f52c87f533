package dev.slipway.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A POJO handler: {"name":"Ada"} → {"greeting":"Hello, Ada"}. */
public class Greeter implements RequestHandler<Greeter.Person, Greeter.Greeting> {
    public static class Person {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    public static class Greeting {
        private String greeting;

        public String getGreeting() {
            return greeting;
        }

        public void setGreeting(String greeting) {
            this.greeting = greeting;
        }
    }

    @Override
    public Greeting handleRequest(Person input, Context context) {
        System.out.println("greeting " + input.getName());
        Greeting g = new Greeting();
        g.setGreeting("Hello, " + input.getName());
        return g;
    }
}
