//! A learner's records beyond statements (issue 21): how they enter a course at a site
//! ([`enrolment`]), when the course is complete ([`completion`]) and the certificate that says
//! so ([`certificate`]).

pub mod certificate;
pub mod completion;
pub mod enrolment;
pub mod wire;
